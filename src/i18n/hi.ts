// hi: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["कैप्चा लोड हो रहा है…", "कैप्चा तैयार है। जारी रखने के लिए इसे पूरा करें।", "कैप्चा सफल रहा।", "कैप्चा बिना पूरा किए बंद हुआ।", "कैप्चा नहीं दिखाया जा सका।", "कृपया कैप्चा पूरा करें।", "फिर से कोशिश करें"];
