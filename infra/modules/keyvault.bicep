// The key vault that holds the bot's client secret, and read access to it for the web app's managed identity.
// Azure RBAC, not access policies: the grant is an ordinary role assignment, visible and auditable with all others.

@description('Name of the key vault (3 to 24 letters, digits and hyphens; globally unique).')
param name string

@description('Name of the secret holding the bot\'s client secret.')
param secretName string

@secure()
@description('The bot\'s client secret (MicrosoftAppPassword).')
param secretValue string

@description('Principal (object) ID of the identity that may read the secret: the web app\'s managed identity.')
param readerPrincipalId string

@description('Turn on purge protection. It cannot be turned off again, and keeps the vault name taken for the retention period after deletion.')
param enablePurgeProtection bool

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

// Built-in role "Key Vault Secrets User": read secret contents, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // The property does not accept false (purge protection cannot be turned off), so leave it out unless turning it on.
    enablePurgeProtection: enablePurgeProtection ? true : null
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretName
  properties: {
    value: secretValue
    contentType: 'Microsoft Entra client secret of the bot app registration'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: readerPrincipalId
    // Saying what the principal is lets ARM skip the directory lookup, which can fail for an identity created
    // seconds earlier in the same deployment.
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Without a version, so App Service picks up a new version of the secret (a rotation) by itself.
output secretUri string = secret.properties.secretUri
