// my: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["Captcha ကို ဖွင့်နေသည်…", "Captcha အသင့်ဖြစ်ပြီ။ ဆက်လုပ်ရန် ဖြေဆိုပါ။", "Captcha အောင်မြင်သည်။", "Captcha ကို မအောင်မြင်ဘဲ ပိတ်လိုက်သည်။", "Captcha ကို မပြသနိုင်ပါ။", "Captcha ကို ဖြေဆိုပါ။", "ထပ်ကြိုးစားပါ"];
