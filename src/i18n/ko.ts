// ko: the element's messages, in the order of MESSAGE_KEYS (messages.ts). Loaded on demand.
export default ["보안 인증을 불러오는 중…", "보안 인증이 준비되었습니다. 인증을 완료하세요.", "인증에 성공했습니다.", "인증을 완료하지 않고 닫았습니다.", "보안 인증을 표시할 수 없습니다.", "보안 인증을 완료하세요.", "다시 시도", "보안 인증이 만료되었습니다. 다시 완료하세요.", "이 페이지에서는 보안 인증을 사용할 수 없습니다."];
