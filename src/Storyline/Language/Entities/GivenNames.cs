using System.Collections.Frozen;

namespace Storyline.Language.Entities;

/// <summary>
/// Common English short forms of given names ("Ed" for Edward, "Bill" for William), so that "Ed Chernoff"
/// and "Edward Chernoff" in the same story are one person. A short form may stand for several full names
/// ("Chris" for Christopher or Christine); two given names match when they share one.
/// </summary>
public static class GivenNames
{
    private static readonly FrozenDictionary<string, string[]> ShortForms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Al"] = ["Albert", "Alan", "Alfred"], ["Alex"] = ["Alexander", "Alexandra"], ["Andy"] = ["Andrew"],
        ["Drew"] = ["Andrew"], ["Ben"] = ["Benjamin"], ["Bill"] = ["William"], ["Billy"] = ["William"],
        ["Will"] = ["William"], ["Willie"] = ["William"], ["Bob"] = ["Robert"], ["Bobby"] = ["Robert"],
        ["Rob"] = ["Robert"], ["Robbie"] = ["Robert"], ["Bert"] = ["Albert", "Herbert"], ["Charlie"] = ["Charles"],
        ["Chuck"] = ["Charles"], ["Chris"] = ["Christopher", "Christine", "Christina"], ["Dan"] = ["Daniel"],
        ["Danny"] = ["Daniel"], ["Dave"] = ["David"], ["Dick"] = ["Richard"], ["Rick"] = ["Richard"],
        ["Rich"] = ["Richard"], ["Don"] = ["Donald"], ["Ed"] = ["Edward", "Edwin", "Edmund"],
        ["Eddie"] = ["Edward"], ["Ted"] = ["Edward", "Theodore"], ["Fred"] = ["Frederick"], ["Gene"] = ["Eugene"],
        ["Greg"] = ["Gregory"], ["Hank"] = ["Henry"], ["Harry"] = ["Henry", "Harold"], ["Jack"] = ["John"],
        ["Johnny"] = ["John"], ["Jon"] = ["Jonathan"], ["Jake"] = ["Jacob"], ["Jim"] = ["James"],
        ["Jimmy"] = ["James"], ["Jamie"] = ["James"], ["Jeff"] = ["Jeffrey"], ["Jerry"] = ["Gerald", "Jerome"],
        ["Joe"] = ["Joseph"], ["Joey"] = ["Joseph"], ["Josh"] = ["Joshua"], ["Ken"] = ["Kenneth"],
        ["Larry"] = ["Lawrence"], ["Matt"] = ["Matthew"], ["Mike"] = ["Michael"], ["Mick"] = ["Michael"],
        ["Mickey"] = ["Michael"], ["Nate"] = ["Nathan", "Nathaniel"], ["Nick"] = ["Nicholas"], ["Pat"] = ["Patrick", "Patricia"],
        ["Pete"] = ["Peter"], ["Phil"] = ["Philip", "Phillip"], ["Ray"] = ["Raymond"], ["Ron"] = ["Ronald"],
        ["Sam"] = ["Samuel", "Samantha"], ["Steve"] = ["Steven", "Stephen"], ["Tim"] = ["Timothy"],
        ["Tom"] = ["Thomas"], ["Tommy"] = ["Thomas"], ["Tony"] = ["Anthony"], ["Vince"] = ["Vincent"],
        ["Walt"] = ["Walter"], ["Zach"] = ["Zachary"], ["Abby"] = ["Abigail"], ["Beth"] = ["Elizabeth"],
        ["Betty"] = ["Elizabeth"], ["Liz"] = ["Elizabeth"], ["Cathy"] = ["Catherine"], ["Kate"] = ["Katherine", "Catherine"],
        ["Katie"] = ["Katherine", "Catherine"], ["Kathy"] = ["Katherine", "Kathleen"], ["Jen"] = ["Jennifer"],
        ["Jenny"] = ["Jennifer"], ["Maggie"] = ["Margaret"], ["Meg"] = ["Margaret"], ["Peggy"] = ["Margaret"],
        ["Sue"] = ["Susan"], ["Susie"] = ["Susan"], ["Vicky"] = ["Victoria"], ["Becky"] = ["Rebecca"],
        ["Debbie"] = ["Deborah"], ["Sandy"] = ["Sandra"], ["Mandy"] = ["Amanda"], ["Val"] = ["Valerie"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether two given names can name the same person: equal, or a short form of the other, or two short forms of one name.</summary>
    public static bool Match(string a, string b)
    {
        if (a == b) return true;
        var fa = ShortForms.GetValueOrDefault(a);
        var fb = ShortForms.GetValueOrDefault(b);
        if (fa is not null && Array.IndexOf(fa, b) >= 0) return true;
        if (fb is not null && Array.IndexOf(fb, a) >= 0) return true;
        return fa is not null && fb is not null && fa.Intersect(fb).Any();
    }

    /// <summary>Whether a given name is a known short form.</summary>
    public static bool IsShortForm(string name) => ShortForms.ContainsKey(name);
}
