// zh-tw: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["正在載入驗證碼…", "驗證碼已就緒，請完成驗證。", "驗證通過。", "驗證碼已關閉，未通過驗證。", "無法顯示驗證碼。", "請完成驗證碼驗證。", "重試", "驗證碼已過期，請重新驗證。", "此頁面無法使用驗證碼。"];
