export { ZeebeEngine, type ZeebeEngineOptions } from './ZeebeEngine';
export { RestClient, parseJsonKeepingKeys, type RestOptions } from './rest';
