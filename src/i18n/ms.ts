// ms: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Memuatkan captcha…", "Captcha sedia. Lengkapkannya untuk meneruskan.", "Captcha lulus.", "Captcha ditutup tanpa lulus.", "Captcha tidak dapat dipaparkan.", "Sila lengkapkan captcha.", "Cuba lagi"];
