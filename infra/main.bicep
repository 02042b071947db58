// Workshopplanner on Azure Container Apps. Deployed after registry.bicep and `az acr build`
// (README, "Running against a real tenant"; m365agents.yml runs the same steps):
// - a user-assigned managed identity: pulls the image (AcrPull) and is the Entra app's credential
//   through a federated identity credential (infra/scripts/add-federated-credential.sh), so there
//   is no client secret to store or rotate;
// - Log Analytics (modules/monitoring.bicep) and the container apps environment with the app
//   (modules/container-app.bicep): https only, two replicas by default, probes on /api/health.
// The SharePoint site grant (Sites.Selected, write) is not here: `npm run provision` makes it.
targetScope = 'resourceGroup'

@description('Short name of the environment (dev, test, prod): lower-case letters and digits, part of every resource name.')
@minLength(2)
@maxLength(10)
param environmentName string

param location string = resourceGroup().location

@description('The image to run: <registry login server>/workshopplanner:<version>.')
param containerImage string

@description('The registry of registry.bicep (AZURE_CONTAINER_REGISTRY_NAME).')
param containerRegistryName string

@description('The tenant of the RIEC (TENANT_ID).')
param tenantId string

@description('The Entra app (CLIENT_ID), as aadApp/create or the admin center made it.')
param clientId string

@description('Tenants whose users may sign in, comma-separated (ALLOWED_TENANT_IDS).')
param allowedTenantIds string

@description('The SharePoint site with the lists: hostname,siteCollectionId,webId.')
param sharePointSite string

@description('A custom https address; empty: the container app\'s own address.')
param customPublicUrl string = ''

@description('Replicas that always run: two, so one can restart while the other serves.')
@minValue(1)
param minReplicas int = 2

@minValue(1)
param maxReplicas int = 4

@description('Seconds between background runs (answers, expiry); 0 turns them off.')
param syncIntervalSeconds int = 60

@description('Days Log Analytics keeps the logs (the privacy statement says 30).')
param logRetentionDays int = 30

var suffix = '${environmentName}-${take(uniqueString(resourceGroup().id), 6)}'
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-workshopplanner-${suffix}'
  location: location
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: containerRegistryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRoleId)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: 'log-workshopplanner-${suffix}'
    location: location
    retentionInDays: logRetentionDays
  }
}

module containerApp 'modules/container-app.bicep' = {
  name: 'container-app'
  dependsOn: [acrPull]
  params: {
    environmentName: 'cae-workshopplanner-${suffix}'
    appName: 'ca-wsp-${suffix}'
    location: location
    logAnalyticsWorkspaceName: monitoring.outputs.name
    containerImage: containerImage
    registryLoginServer: registry.properties.loginServer
    identityId: identity.id
    identityClientId: identity.properties.clientId
    customPublicUrl: customPublicUrl
    tenantId: tenantId
    clientId: clientId
    allowedTenantIds: allowedTenantIds
    sharePointSite: sharePointSite
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    syncIntervalSeconds: syncIntervalSeconds
  }
}

// Upper-case outputs: the Agents Toolkit's arm/deploy writes them into env/.env.<environment>.
output PUBLIC_URL string = containerApp.outputs.publicUrl
output PUBLIC_HOST string = replace(containerApp.outputs.publicUrl, 'https://', '')
output AZURE_CONTAINER_APP_NAME string = containerApp.outputs.appName
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
