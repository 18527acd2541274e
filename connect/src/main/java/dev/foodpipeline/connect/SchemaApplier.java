package dev.foodpipeline.connect;

import dev.foodpipeline.shell.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs an idempotent SQL script (CREATE TABLE IF NOT EXISTS ...) against PostgreSQL in one
 * transaction.
 */
public final class SchemaApplier {

  private SchemaApplier() {}

  public static void apply(Path script, String jdbcUrl, String user, String password) {
    String sql;
    try {
      sql = Files.readString(script);
    } catch (IOException e) {
      throw new RegistrarException("Couldn't read the schema file " + script + ": " + e);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new RegistrarException(
          "Couldn't apply "
              + script
              + " to "
              + jdbcUrl
              + " as "
              + user
              + ": "
              + Errors.oneLineOf(e),
          e);
    }
  }
}
