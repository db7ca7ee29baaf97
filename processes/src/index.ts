export { formsIn, processesRoot, resourcesOf, shippedProcessFolders, shippedResources, type FormDefinition, type ProcessResource } from './shippedProcesses';
