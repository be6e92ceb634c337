// id: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Memuat captcha…", "Captcha siap. Selesaikan untuk melanjutkan.", "Captcha berhasil.", "Captcha ditutup tanpa berhasil.", "Captcha tidak dapat ditampilkan.", "Selesaikan captcha.", "Coba lagi", "Captcha kedaluwarsa. Selesaikan sekali lagi.", "Captcha tidak tersedia di halaman ini."];
