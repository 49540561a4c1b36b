using SiteGen.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// A kind of page (or of data file) of the site: from the analysed site, the files it makes, each with what it is made
/// from (<see cref="PlannedFile.Inputs"/>). One type, one template, one test.
/// </summary>
internal interface IPageKind
{
    IEnumerable<PlannedFile> Plan();
}
