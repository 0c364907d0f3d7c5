namespace Marketplace.Brokerage.Projects;

/// <summary>idea → feasibility → agreement → implementation → operating → closed, or abandoned (with a reason) from any open stage.</summary>
public static class ProjectStages
{
    public const string Idea = "idea";
    public const string Feasibility = "feasibility";
    public const string Agreement = "agreement";
    public const string Implementation = "implementation";
    public const string Operating = "operating";
    public const string Closed = "closed";
    public const string Abandoned = "abandoned";

    private static readonly string[] Order = [Idea, Feasibility, Agreement, Implementation, Operating, Closed];

    public static IReadOnlyList<string> Forward => Order;

    public static readonly IReadOnlyList<string> All = [.. Order, Abandoned];

    public static bool IsFinal(string stage) => stage is Closed or Abandoned;

    public static string? Next(string stage) => Array.IndexOf(Order, stage) is var i and >= 0 && i < Order.Length - 1 ? Order[i + 1] : null;

    /// <summary>How far a project got, for fees per stage reached: idea 0 … closed 5; abandoned is not a stage reached.</summary>
    public static int Rank(string stage) => Array.IndexOf(Order, stage);
}

/// <summary>The roles an organisation plays in a project.</summary>
public static class ProjectRoles
{
    public const string Supplier = "supplier";
    public const string Offtaker = "offtaker";
    public const string Investor = "investor";
    public const string InstallationOperator = "installation_operator";
    public const string Logistics = "logistics";
    public const string PublicBody = "public_body";

    public static readonly IReadOnlyList<string> All = [Supplier, Offtaker, Investor, InstallationOperator, Logistics, PublicBody];
}

/// <summary>Who asks for a transition: the facilitator (an operator user), the project's installation operator, another participant, or no one of the project.</summary>
public enum ProjectActor
{
    Facilitator,
    InstallationOperator,
    Participant,
    Outsider,
}
