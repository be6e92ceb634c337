// he: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["טוען את האימות…", "האימות מוכן. השלימו אותו כדי להמשיך.", "האימות עבר בהצלחה.", "האימות נסגר ללא הצלחה.", "לא ניתן להציג את האימות.", "נא להשלים את האימות.", "ניסיון נוסף"];
