// ar: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["جارٍ تحميل رمز التحقق…", "رمز التحقق جاهز. أكمله للمتابعة.", "تم اجتياز رمز التحقق.", "أُغلق رمز التحقق دون اجتيازه.", "تعذّر عرض رمز التحقق.", "يُرجى إكمال رمز التحقق.", "أعد المحاولة"];
