// th: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["กำลังโหลด Captcha…", "Captcha พร้อมแล้ว ทำให้เสร็จเพื่อดำเนินการต่อ", "ผ่าน Captcha แล้ว", "ปิด Captcha โดยไม่ผ่าน", "ไม่สามารถแสดง Captcha ได้", "โปรดทำ Captcha ให้เสร็จ", "ลองอีกครั้ง", "Captcha หมดอายุแล้ว โปรดทำอีกครั้ง", "Captcha ไม่พร้อมใช้งานในหน้านี้"];
