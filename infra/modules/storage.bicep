// The shared state of every instance (team notes, feedback, usage counts, conversation references, once-per-activity
// markers, leases): a storage account reached only with Microsoft Entra ID, and the web app's identity allowed to read
// and write blobs in its one container.

@description('Storage account name: 3 to 24 lowercase letters and digits, globally unique.')
param name string

@description('The container the app keeps its documents in (CALLCODES_BLOB_CONTAINER).')
param containerName string

@description('Principal ID of the web app\'s system-assigned identity, given Storage Blob Data Contributor on the container.')
param contributorPrincipalId string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
@description('Redundancy of the account.')
param skuName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    // Nothing is readable anonymously, and no account key works: the app signs in with its managed identity.
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // A document deleted by mistake (a note, a conversation reference) can be restored for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

// Once-per-activity markers expire within a day; the app removes them as it reads, and this rule removes any that
// no read touched (the app's own expiry is metadata, which lifecycle rules cannot read).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          enabled: true
          name: 'expired-activity-markers'
          type: 'Lifecycle'
          definition: {
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 2
                }
              }
            }
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${containerName}/activities/'
              ]
            }
          }
        }
      ]
    }
  }
}

// Storage Blob Data Contributor (built-in role): read, write and delete blobs, and read the container.
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, contributorPrincipalId, blobDataContributorRoleId)
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: contributorPrincipalId
    // Saying what the principal is lets ARM skip the directory lookup, which can fail for an identity created
    // moments before.
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output containerName string = container.name
