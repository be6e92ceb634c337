// ru: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Загрузка капчи…", "Капча готова. Пройдите её, чтобы продолжить.", "Капча пройдена.", "Капча закрыта без прохождения.", "Не удалось показать капчу.", "Пройдите капчу.", "Повторить"];
