// ur: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["کیپچا لوڈ ہو رہا ہے…", "کیپچا تیار ہے۔ جاری رکھنے کے لیے اسے مکمل کریں۔", "کیپچا کامیاب رہا۔", "کیپچا کامیابی کے بغیر بند ہو گیا۔", "کیپچا نہیں دکھایا جا سکا۔", "براہ کرم کیپچا مکمل کریں۔", "دوبارہ کوشش کریں"];
