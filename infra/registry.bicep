// The container registry that holds Workshopplanner's image. Deployed before main.bicep, so the
// image can be built into it (`az acr build`, from the Dockerfile, in Azure: no local Docker
// engine needed) before the container app that runs it exists. No admin user: the app pulls with
// its managed identity (AcrPull, main.bicep).
targetScope = 'resourceGroup'

@description('Short name of the environment (dev, test, prod): lower-case letters and digits, part of every resource name.')
@minLength(2)
@maxLength(10)
param environmentName string

param location string = resourceGroup().location

// Registry names: 5–50 letters and digits, globally unique.
var registryName = take('crworkshopplanner${toLower(replace(environmentName, '-', ''))}${uniqueString(resourceGroup().id)}', 50)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

// Upper-case outputs: the Agents Toolkit's arm/deploy writes them into env/.env.<environment>.
output AZURE_CONTAINER_REGISTRY_NAME string = registry.name
output AZURE_CONTAINER_REGISTRY_LOGIN_SERVER string = registry.properties.loginServer
