export { ZeebeEngine, type ZeebeEngineOptions } from './ZeebeEngine';
export { RestClient, parseJsonKeepingKeys, type RestOptions } from './rest';
export { oauthProvider, tokenRefusal, type OAuthOptions, type TokenSource } from './oauth';
