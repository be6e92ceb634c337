// it: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Caricamento del captcha…", "Captcha pronto. Completalo per continuare.", "Captcha superato.", "Captcha chiuso senza superarlo.", "Impossibile mostrare il captcha.", "Completa il captcha.", "Riprova"];
