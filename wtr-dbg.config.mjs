import base from './web-test-runner.config.mjs';
export default { ...base, browsers: [base.browsers[0]] };
