export type { Scenario, ScenarioStep, ScenarioExpectation, ConformanceDriver } from './Scenario';
export { scenarios } from './scenarios';
export { runScenario, FIXTURES } from './runScenario';
export type { ScenarioResult } from './runScenario';
export { diffScenario } from './expectScenario';
