using System.Text.RegularExpressions;

namespace EndToEnd.Tests.DocsExamples;

/// <summary>The operations guide's table of queues is the set of queues the distributed deployment declares on RabbitMQ.</summary>
[Collection(DistributedCollection.Name)]
public sealed partial class OperationsQueueTableTests(DistributedFixture fixture)
{
    [RabbitMqFact]
    public async Task The_queue_table_of_the_operations_guide_lists_every_consumer_queue_and_no_other()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "operations.md"));
        var section = guide[guide.IndexOf("Queues today", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n\n", section.IndexOf("| Queue", StringComparison.Ordinal), StringComparison.Ordinal)];
        var documented = QueueRow().Matches(section).Select(m => m.Groups["queue"].Value).Order(StringComparer.Ordinal).ToList();

        var (exitCode, output) = RabbitMq.Ctl("list_queues", "-p", fixture.VirtualHost, "name", "--quiet", "--no-table-headers");
        Assert.True(exitCode == 0, output);
        var declared = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(q => ConsumerQueue().IsMatch(q) && !q.EndsWith("_error", StringComparison.Ordinal) && !q.EndsWith("_skipped", StringComparison.Ordinal) && !q.Contains("_redelivery_", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(declared);
        Assert.True(declared.SequenceEqual(documented),
            $"declared on RabbitMQ:\n{string.Join('\n', declared)}\ndocumented in docs/operations.md:\n{string.Join('\n', documented)}");
    }

    [GeneratedRegex(@"^\| `(?<queue>[a-z0-9-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex QueueRow();

    /// <summary>A consumer's queue is named <c>&lt;service&gt;-&lt;consumer&gt;</c>; the bus's own temporary queues are not.</summary>
    [GeneratedRegex("^(identity|listings|matching|brokerage)-[a-z0-9-]+")]
    private static partial Regex ConsumerQueue();
}
