// lo: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["ກຳລັງໂຫຼດ Captcha…", "Captcha ພ້ອມແລ້ວ. ເຮັດໃຫ້ສຳເລັດເພື່ອສືບຕໍ່.", "ຜ່ານ Captcha ແລ້ວ.", "ປິດ Captcha ໂດຍບໍ່ຜ່ານ.", "ບໍ່ສາມາດສະແດງ Captcha ໄດ້.", "ກະລຸນາເຮັດ Captcha ໃຫ້ສຳເລັດ.", "ລອງໃໝ່", "Captcha ໝົດອາຍຸແລ້ວ. ກະລຸນາເຮັດອີກຄັ້ງ.", "Captcha ບໍ່ສາມາດໃຊ້ໄດ້ໃນໜ້ານີ້."];
