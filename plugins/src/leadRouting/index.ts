export { leadRoutingOperations, leadRoutingPlugin, type LeadRoutingOutput } from './leadRoutingPlugin';
export { routingStrategies, type LeadCall, type LeadIntake, type LeadLedger, type LeadOutcomeCall, type OfferedDealer, type RoutingPolicy, type RoutingStrategy } from './LeadLedger';
