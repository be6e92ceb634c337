import angular from '@analogjs/vite-plugin-angular';
import { defineConfig } from 'vite';

export default defineConfig({
  // Angular's real compiler (AOT, with template type checking so that a missing schema fails the build).
  plugins: [angular({ tsconfig: 'tsconfig.app.json', disableTypeChecking: false })],
});
