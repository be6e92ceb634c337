// de: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Captcha wird geladen…", "Captcha bereit. Lösen Sie es, um fortzufahren.", "Captcha bestanden.", "Captcha ohne Erfolg geschlossen.", "Das Captcha konnte nicht angezeigt werden.", "Bitte lösen Sie das Captcha.", "Erneut versuchen"];
