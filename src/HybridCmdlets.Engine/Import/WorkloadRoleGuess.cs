using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// What an imported VM probably does, from the words of its name and its guest OS, since RVTools does not say.
    /// The role only chooses the ranges its workload profile is estimated from (RoleProfiles); the profile is marked
    /// as estimated.
    /// </summary>
    internal static class WorkloadRoleGuess
    {
        // Whole words: short ones would match inside other words ("ad" in "load").
        private static readonly HashSet<string> DevTestWords = Set("dev", "devel", "development", "test", "tst", "testing", "qa", "uat", "stg", "staging", "sandbox", "sbx", "lab", "build", "ci", "poc");
        private static readonly HashSet<string> DesktopWords = Set("vdi", "desktop", "wks", "ws", "pc", "cad", "kiosk", "citrix", "horizon");
        private static readonly HashSet<string> FileWords = Set("fs", "file", "files", "fileserver", "nas", "smb", "cifs", "share", "ftp", "sftp", "dfs");
        private static readonly HashSet<string> InfrastructureWords = Set(
            "dc", "ad", "adds", "dns", "dhcp", "ntp", "mgmt", "jump", "jumphost", "bastion", "backup", "bkp", "veeam", "mon", "monitor", "zabbix",
            "nagios", "log", "syslog", "splunk", "vc", "vcsa", "vcenter", "nsx", "hcx", "wsus", "sccm", "ca", "pki", "radius", "ldap", "mail", "exch",
            "exchange", "smtp", "print", "prt", "kms", "license", "lic", "fw", "gw", "vpn", "av", "ansible", "puppet", "git", "repo");
        // Prefixes or suffixes of a word: "sqlprod", "crmdb", "oracle", "webshop", "appsrv".
        private static readonly string[] DatabaseParts = { "db", "sql", "ora", "oracle", "pg", "postgres", "mysql", "maria", "mongo", "hana", "cassandra", "couch", "redis" };
        private static readonly string[] WebParts = { "web", "www", "iis", "nginx", "apache", "httpd", "proxy", "portal" };
        private static readonly string[] AppParts = { "app", "api", "svc", "tomcat", "jboss", "wildfly", "weblogic", "mq", "kafka", "rabbit", "batch", "etl" };

        public static WorkloadRole Guess(string vmName, string guestId)
        {
            var words = Words(vmName);
            if (Any(words, DevTestWords)) return WorkloadRole.DevTest;
            if (Any(words, DesktopWords) || guestId == "windows9_64Guest" || guestId == "windows11_64Guest") return WorkloadRole.Desktop;
            if (Any(words, DatabaseParts)) return WorkloadRole.Database;
            if (Any(words, WebParts)) return WorkloadRole.Web;
            if (Any(words, FileWords)) return WorkloadRole.File;
            if (Any(words, InfrastructureWords)) return WorkloadRole.Infrastructure;
            return WorkloadRole.App;
        }

        /// <summary>"crm-db01.corp" gives crm, db, corp: letters only, split at anything else, in lower case.</summary>
        private static List<string> Words(string name)
        {
            var words = new List<string>(4);
            var lower = name.ToLowerInvariant();
            var start = -1;
            for (var i = 0; i <= lower.Length; i++)
            {
                var letter = i < lower.Length && char.IsLetter(lower[i]);
                if (letter && start < 0) start = i;
                else if (!letter && start >= 0)
                {
                    words.Add(start == 0 && i == lower.Length ? lower : lower.Substring(start, i - start));
                    start = -1;
                }
            }

            return words;
        }

        private static bool Any(List<string> words, HashSet<string> set)
        {
            foreach (var word in words)
            {
                if (set.Contains(word)) return true;
            }

            return false;
        }

        private static bool Any(List<string> words, string[] parts)
        {
            foreach (var word in words)
            {
                foreach (var part in parts)
                {
                    if (word.StartsWith(part, StringComparison.Ordinal) || word.EndsWith(part, StringComparison.Ordinal)) return true;
                }
            }

            return false;
        }

        private static HashSet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.Ordinal);
    }
}
