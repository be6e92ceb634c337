// tr: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Doğrulama yükleniyor…", "Doğrulama hazır. Devam etmek için tamamlayın.", "Doğrulama başarılı.", "Doğrulama tamamlanmadan kapatıldı.", "Doğrulama gösterilemedi.", "Lütfen doğrulamayı tamamlayın.", "Tekrar dene"];
