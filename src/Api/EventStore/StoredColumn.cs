using System.Reflection;
using Marten.Schema;

namespace Investment.Api.EventStore;

/// <summary>
/// A member of a document Marten copies into a column of its own each time the document is stored, without an index: a
/// value read whole (a register's row), never searched. Marten's [DuplicateField] always indexes its column.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StoredColumnAttribute : MartenAttribute
{
    public override void Modify(DocumentMapping mapping, MemberInfo member) => mapping.DuplicateField(member.Name);
}
