// pt: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Carregando o captcha…", "Captcha pronto. Conclua-o para continuar.", "Captcha concluído.", "Captcha fechado sem conclusão.", "Não foi possível mostrar o captcha.", "Conclua o captcha.", "Tentar novamente"];
