namespace Marketplace.Portal;

/// <summary>The resource check's texts (estimated flows, confirmed as drafts): <c>Resources/EstimateTexts.resx</c>.</summary>
public sealed class EstimateTexts;
