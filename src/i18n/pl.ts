// pl: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Ładowanie captcha…", "Captcha gotowa. Rozwiąż ją, aby kontynuować.", "Captcha zaliczona.", "Captcha zamknięta bez zaliczenia.", "Nie można wyświetlić captcha.", "Rozwiąż captcha.", "Spróbuj ponownie", "Captcha wygasła. Rozwiąż ją ponownie.", "Captcha jest niedostępna na tej stronie."];
