namespace Marketplace.Portal;

/// <summary>The resource map's texts: <c>Resources/MapTexts.resx</c> (English), read through <c>IStringLocalizer&lt;MapTexts&gt;</c>.</summary>
public sealed class MapTexts;
