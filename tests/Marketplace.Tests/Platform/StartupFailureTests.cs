using System.Reflection;
using Marketplace.ServiceDefaults;

namespace Marketplace.Tests.Platform;

public sealed class StartupFailureTests
{
    [Fact]
    public void The_line_names_the_host_and_the_cause_inside_wrappers_on_one_line()
    {
        var cause = new InvalidOperationException("The search index at /data/matching-index is in use.\nOne process per index directory.");
        Assert.Equal("marketplace did not start: The search index at /data/matching-index is in use. One process per index directory.",
            StartupFailure.Describe("marketplace", new AggregateException(new TargetInvocationException(cause))));
    }

    [Fact]
    public void An_exception_with_its_own_inner_cause_keeps_its_own_message()
    {
        var outer = new InvalidOperationException("Identity:SigningCertificatePath '/x.pfx' could not be read: not found", new FileNotFoundException("x"));
        Assert.Equal("identity did not start: Identity:SigningCertificatePath '/x.pfx' could not be read: not found", StartupFailure.Describe("identity", outer));
    }
}
