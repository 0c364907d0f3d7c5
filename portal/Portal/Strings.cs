namespace Marketplace.Portal;

/// <summary>The portal's texts: <c>Resources/Strings.resx</c> (English), read through <c>IStringLocalizer&lt;Strings&gt;</c>.</summary>
public sealed class Strings;
