namespace EndToEnd.Tests;

/// <summary>The distributed mode with its default settings, shared by the tests of this assembly.</summary>
public sealed class DistributedFixture : DistributedDeployment;

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedFixture>
{
    public const string Name = "distributed";
}
