namespace Marketplace.Portal;

/// <summary>The operator's territory pages' texts: <c>Resources/TerritoryTexts.resx</c> (English), read through <c>IStringLocalizer&lt;TerritoryTexts&gt;</c>.</summary>
public sealed class TerritoryTexts;
