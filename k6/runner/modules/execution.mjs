// `k6/execution` in the shim: the VU, scenario and test facts the scripts read, and test.abort().
const rt = globalThis.__k6shim;

const execution = {
  vu: {
    get idInTest() {
      return rt.vuId;
    },
    get iterationInScenario() {
      return rt.iterationInVu;
    },
    get iterationInInstance() {
      return rt.iterationInVu;
    },
  },
  scenario: {
    get name() {
      return rt.scenario.name;
    },
    get executor() {
      return rt.scenario.executor;
    },
    get startTime() {
      return rt.scenario.startTime;
    },
    get iterationInTest() {
      return rt.iterationInTest;
    },
    get iterationInInstance() {
      return rt.iterationInTest;
    },
  },
  test: {
    /** @param {string} [reason] */
    abort(reason = 'test.abort() called') {
      rt.abort(reason);
    },
  },
};

export default execution;
