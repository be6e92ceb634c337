// `npm run analyze` writes custom-elements.json from the source's JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**', 'src/emulator/**', 'src/i18n/**', 'src/cdn.ts', 'src/development.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the manifest check writes elsewhere and must not
  // point package.json there.
  packagejson: false,
  plugins: [
    {
      name: 't-captcha-tidy',
      // The analyzer also guesses events from `dispatchEvent(new X(...))` calls (nameless, or named
      // after the first argument), and lists `#private` members; the `@fires` tags document every
      // event, and private members are no API.
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer lists modules in the order its file walk met them, which varies with disk timing:
        // sorted, the manifest is the same on every machine and the staleness check never flakes.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
            if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
  ],
};
