namespace Marketplace.Portal;

/// <summary>The impact pages' texts: <c>Resources/ImpactTexts.resx</c> (English), read through <c>IStringLocalizer&lt;ImpactTexts&gt;</c>.</summary>
public sealed class ImpactTexts;
