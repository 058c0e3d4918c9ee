package io.walrusj.e2e.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The TCP sockets in LISTEN state on this machine, read from {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} (Linux), and the process that owns one (by its socket inode under
 * {@code /proc/<pid>/fd}). Nothing is connected to: this is how a test sees which address a service
 * bound without probing non-loopback interfaces.
 */
public final class ListeningSockets {
    private ListeningSockets() {}

    /** One listening socket: its local address as text ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::}, {@code ::1}, ...). */
    public record Listener(String address, int port, long inode, boolean ipv6) {
        /** Bound to a loopback address only (127.0.0.0/8, ::1, or ::ffff:127.x.y.z). */
        public boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    /** Every LISTEN socket on {@code port}, IPv4 and IPv6. */
    public static List<Listener> onPort(int port) {
        List<Listener> out = new ArrayList<>();
        read(Path.of("/proc/net/tcp"), false, port, out);
        read(Path.of("/proc/net/tcp6"), true, port, out);
        return out;
    }

    /** Every LISTEN socket held by process {@code pid} (any port, IPv4 and IPv6). */
    public static List<Listener> ofProcess(long pid) {
        java.util.Set<Long> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(link.substring(8, link.length() - 1)));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Listener> all = new ArrayList<>();
        read(Path.of("/proc/net/tcp"), false, -1, all);
        read(Path.of("/proc/net/tcp6"), true, -1, all);
        return all.stream().filter(l -> inodes.contains(l.inode())).toList();
    }

    /** The pid of the process holding the listening socket on {@code port} (of the processes this user can see). */
    public static OptionalLong ownerPid(int port) {
        for (Listener l : onPort(port)) {
            String link = "socket:[" + l.inode() + "]";
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                        for (Path fd : (Iterable<Path>) fds::iterator) {
                            try {
                                if (link.equals(Files.readSymbolicLink(fd).toString())) {
                                    return OptionalLong.of(Long.parseLong(name));
                                }
                            } catch (IOException e) {
                                // closed meanwhile
                            }
                        }
                    } catch (IOException | SecurityException e) {
                        // another user's process, or gone
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return OptionalLong.empty();
    }

    private static void read(Path table, boolean ipv6, int port, List<Listener> out) {
        if (!Files.isReadable(table)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[3].equals("0A")) { // 0A = TCP_LISTEN
                continue;
            }
            String[] local = f[1].split(":");
            int localPort = Integer.parseInt(local[1], 16);
            if (port >= 0 && localPort != port) {
                continue;
            }
            out.add(new Listener(ipv6 ? ipv6(local[0]) : ipv4(local[0]), localPort, Long.parseLong(f[9]), ipv6));
        }
    }

    /** /proc prints the address as host-order 32-bit words in hex. */
    private static String ipv4(String hex) {
        long v = Long.parseLong(hex, 16);
        return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF);
    }

    private static String ipv6(String hex) {
        byte[] b = new byte[16];
        for (int word = 0; word < 4; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int i = 0; i < 4; i++) {
                b[word * 4 + i] = (byte) (v >> (8 * i));
            }
        }
        boolean v4Mapped = true;
        for (int i = 0; i < 10; i++) {
            v4Mapped &= b[i] == 0;
        }
        v4Mapped &= b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
        if (v4Mapped) {
            return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        boolean any = true;
        for (byte x : b) {
            any &= x == 0;
        }
        if (any) {
            return "::";
        }
        boolean loop = b[15] == 1;
        for (int i = 0; i < 15; i++) {
            loop &= b[i] == 0;
        }
        if (loop) {
            return "::1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
