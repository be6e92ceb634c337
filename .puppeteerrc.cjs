// The tests drive the OS browsers (Debian's chromium and firefox-esr); never download one.
module.exports = { skipDownload: true };
