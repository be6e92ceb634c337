// es: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Cargando el captcha…", "Captcha listo. Complételo para continuar.", "Captcha superado.", "Captcha cerrado sin superarlo.", "No se pudo mostrar el captcha.", "Complete el captcha.", "Reintentar"];
