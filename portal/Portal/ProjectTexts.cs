namespace Marketplace.Portal;

/// <summary>The project pages' facilitator and participant forms: <c>Resources/ProjectTexts.resx</c> (English), read through <c>IStringLocalizer&lt;ProjectTexts&gt;</c>.</summary>
public sealed class ProjectTexts;
