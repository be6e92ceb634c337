// fil: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Nilo-load ang captcha…", "Handa na ang captcha. Tapusin ito para magpatuloy.", "Pumasa sa captcha.", "Isinara ang captcha nang hindi pumasa.", "Hindi maipakita ang captcha.", "Pakitapos ang captcha.", "Subukan ulit"];
