// ja: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["認証を読み込んでいます…", "認証の準備ができました。完了してください。", "認証に成功しました。", "認証が完了せずに閉じられました。", "認証を表示できませんでした。", "認証を完了してください。", "再試行", "認証の有効期限が切れました。もう一度完了してください。", "このページでは認証を利用できません。"];
