// A table's columns in one list, from which the statements that write the table and the queries
// that read it are made, so that no column order is written out twice. Code names the column it
// binds or reads; the name becomes its position at compile time, and a name that is not in the
// list does not compile.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace crossmatch::storage::detail {

template <std::size_t N>
class ColumnList {
 public:
  consteval ColumnList(std::string_view table, std::array<std::string_view, N> names)
      : table_(table), names_(names) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (names_[i] == names_[j]) throw std::logic_error("a column is listed twice");
      }
    }
  }

  // The column's place in a row read with select(), from 0.
  consteval int column(std::string_view name) const { return static_cast<int>(index(name)); }
  // The column's parameter in every statement made here: ?1 for the first column.
  consteval int param(std::string_view name) const { return column(name) + 1; }

  // The same table with only these columns, in this order: for a query that reads a part of it.
  template <std::size_t M>
  consteval ColumnList<M> only(const std::string_view (&names)[M]) const {
    std::array<std::string_view, M> kept{};
    for (std::size_t i = 0; i < M; ++i) kept[i] = names_[index(names[i])];
    return ColumnList<M>(table_, kept);
  }
  // The same table without these columns.
  template <std::size_t M>
  consteval ColumnList<N - M> without(const std::string_view (&names)[M]) const {
    for (std::size_t i = 0; i < M; ++i) index(names[i]);  // each one is a column
    std::array<std::string_view, N - M> kept{};
    std::size_t k = 0;
    for (std::size_t i = 0; i < N; ++i) {
      bool dropped = false;
      for (std::size_t j = 0; j < M; ++j) dropped = dropped || names_[i] == names[j];
      if (!dropped) kept[k++] = names_[i];
    }
    return ColumnList<N - M>(table_, kept);
  }

  std::string_view table() const { return table_; }
  const std::array<std::string_view, N>& names() const { return names_; }

  // "SELECT a, b, ... FROM table" and then `rest` ("WHERE ...", "ORDER BY ...").
  std::string select(std::string_view rest = {}) const {
    std::string sql = "SELECT " + names_text() + " FROM " + std::string(table_);
    if (!rest.empty()) sql += " " + std::string(rest);
    return sql;
  }

  // "INSERT INTO table (a, b, ...) VALUES (?1, ?2, ...)"; `verb` may be "INSERT OR REPLACE".
  std::string insert(std::string_view verb = "INSERT") const {
    std::string values;
    for (std::size_t i = 0; i < N; ++i) values += (i > 0 ? ", ?" : "?") + std::to_string(i + 1);
    return std::string(verb) + " INTO " + std::string(table_) + " (" + names_text() + ") VALUES (" +
           values + ")";
  }

  // insert() that updates the row whose `key` columns are taken: every other column is set.
  std::string upsert(const std::vector<std::string_view>& key) const {
    check(key);
    std::string conflict, set;
    for (const std::string_view k : key)
      conflict += (conflict.empty() ? "" : ", ") + std::string(k);
    for (const std::string_view c : names_) {
      if (contains(key, c)) continue;
      set += (set.empty() ? "" : ", ") + std::string(c) + " = excluded." + std::string(c);
    }
    return insert() + " ON CONFLICT (" + conflict + ") DO UPDATE SET " + set;
  }

  struct Update {
    // The row: each of these columns equal to its parameter.
    std::vector<std::string_view> where = {};
    // Columns the statement does not set.
    std::vector<std::string_view> left_out = {};
    // Columns set to coalesce(?N, column): a NULL keeps what is stored.
    std::vector<std::string_view> kept_when_null = {};
  };
  // "UPDATE table SET b = ?2, ... WHERE a = ?1 AND ...": every column neither in `where` nor
  // left out, each from its own parameter.
  std::string update(const Update& u) const {
    check(u.where);
    check(u.left_out);
    check(u.kept_when_null);
    std::string set;
    for (std::size_t i = 0; i < N; ++i) {
      const std::string_view c = names_[i];
      if (contains(u.where, c) || contains(u.left_out, c)) continue;
      const std::string p = "?" + std::to_string(i + 1);
      set += (set.empty() ? "" : ", ") + std::string(c) + " = " +
             (contains(u.kept_when_null, c) ? "coalesce(" + p + ", " + std::string(c) + ")" : p);
    }
    return "UPDATE " + std::string(table_) + " SET " + set + " WHERE " + condition(u.where);
  }

  // "DELETE FROM table WHERE a = ?1 AND ...".
  std::string delete_rows(const std::vector<std::string_view>& where) const {
    check(where);
    return "DELETE FROM " + std::string(table_) + " WHERE " + condition(where);
  }

 private:
  constexpr std::size_t index(std::string_view name) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (names_[i] == name) return i;
    }
    throw std::logic_error("not a column of this table");
  }
  static bool contains(const std::vector<std::string_view>& list, std::string_view name) {
    for (const std::string_view n : list) {
      if (n == name) return true;
    }
    return false;
  }
  // The statements are made once, when a connection opens: a wrong name there is a
  // programming error.
  void check(const std::vector<std::string_view>& list) const {
    for (const std::string_view n : list) index(n);
  }
  // "a = ?1 AND b = ?2", each column with its own parameter.
  std::string condition(const std::vector<std::string_view>& where) const {
    std::string out;
    for (const std::string_view c : where)
      out += (out.empty() ? "" : " AND ") + std::string(c) + " = ?" + std::to_string(index(c) + 1);
    return out;
  }
  std::string names_text() const {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) out += (i > 0 ? ", " : "") + std::string(names_[i]);
    return out;
  }

  std::string_view table_;
  std::array<std::string_view, N> names_;
};

}  // namespace crossmatch::storage::detail
