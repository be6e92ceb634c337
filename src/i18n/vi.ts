// vi: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Đang tải captcha…", "Captcha đã sẵn sàng. Hãy hoàn thành để tiếp tục.", "Đã vượt qua captcha.", "Captcha đã đóng mà chưa vượt qua.", "Không thể hiển thị captcha.", "Vui lòng hoàn thành captcha.", "Thử lại"];
