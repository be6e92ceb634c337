// fr: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Chargement du captcha…", "Captcha prêt. Complétez-le pour continuer.", "Captcha réussi.", "Captcha fermé sans réussite.", "Le captcha n'a pas pu s'afficher.", "Veuillez compléter le captcha.", "Réessayer"];
