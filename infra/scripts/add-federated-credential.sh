#!/usr/bin/env bash
# The Entra app (CLIENT_ID) trusts the container app's managed identity as its credential: a
# federated identity credential whose subject is the identity's principal id, issued by the
# tenant, for the audience api://AzureADTokenExchange (Microsoft Entra: "Configure an application
# to trust a managed identity"). The server then asks the managed identity endpoint for a token
# and hands it to msal-node as a client assertion (src/graph/client/tokens.ts).
# Safe to run twice. Needs the Azure CLI, signed in as someone who may change the app (owner or
# Application Administrator). m365agents.yml runs it after main.bicep; by hand:
#   CLIENT_ID=… TENANT_ID=… MANAGED_IDENTITY_PRINCIPAL_ID=… TEAMSFX_ENV=prod \
#     bash infra/scripts/add-federated-credential.sh
set -euo pipefail

: "${CLIENT_ID:?CLIENT_ID ontbreekt (de app-registratie)}"
: "${TENANT_ID:?TENANT_ID ontbreekt}"
: "${MANAGED_IDENTITY_PRINCIPAL_ID:?MANAGED_IDENTITY_PRINCIPAL_ID ontbreekt (uitvoer van infra/main.bicep)}"
name="workshopplanner-${TEAMSFX_ENV:-prod}"
issuer="https://login.microsoftonline.com/${TENANT_ID}/v2.0"

parameters=$(printf '{"name":"%s","issuer":"%s","subject":"%s","audiences":["api://AzureADTokenExchange"],"description":"Workshopplanner: beheerde identiteit van de container app"}' \
  "$name" "$issuer" "$MANAGED_IDENTITY_PRINCIPAL_ID")

existing=$(az ad app federated-credential list --id "$CLIENT_ID" --query "[?name=='${name}'].name" --output tsv)
if [ -n "$existing" ]; then
  az ad app federated-credential update --id "$CLIENT_ID" --federated-credential-id "$name" \
    --parameters "$parameters" --output none
  echo "Federatieve referentie ${name} bijgewerkt."
else
  az ad app federated-credential create --id "$CLIENT_ID" --parameters "$parameters" --output none
  echo "Federatieve referentie ${name} aangemaakt."
fi
